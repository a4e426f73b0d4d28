### interview (owned by the interview module; empty until it lands)
