-- No merge joins (docs/decision-log.md, "KPI marts without merge joins"): the planner
-- underestimates the spine (a few hundred rows for 128 k at 1 M messages) and merge-joined the
-- backlog on part of its key, rescanning it 400 million times (76 s; 13 s with hash joins).
{{ config(pre_hook="set local enable_mergejoin = off") }}
{{ response_kpis_by_period('month_start', 'month_end') }}
