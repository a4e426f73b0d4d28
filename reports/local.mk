### reports (owned by the reports module; empty until it lands)
