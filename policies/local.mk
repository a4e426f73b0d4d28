### policies (owned by the policies module; empty until it lands)
