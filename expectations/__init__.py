"""Great Expectations suites as code, one module per stage (raw, marts): see webcare.validate."""
