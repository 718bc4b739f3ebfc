"""webcare: extract, load and validate patients' messages to healthcare institutions.

Plain Python modules that import without Airflow where they can; the DAGs in ``dags/`` only
wire them together.
"""
