### portfolio (owned by the portfolio module; empty until it lands)
