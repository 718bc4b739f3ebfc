{{ response_kpis_by_period('week_start', 'week_end') }}
