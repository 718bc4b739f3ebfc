"""Local fakes of the X API v2 and Google Business Profile v4 serving a generated dataset."""
