{{ response_kpis_by_period('date_day', 'date_day') }}
