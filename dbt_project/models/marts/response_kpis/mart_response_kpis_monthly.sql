{{ response_kpis_by_period('month_start', 'month_end') }}
