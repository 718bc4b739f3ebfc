{#
  The filter of an incremental staging model (docs/decision-log.md, "Staging is incremental"):
  on an incremental run, only the source rows whose `column` (the loader's loaded_at, or an
  annotation's classified_at) is at most `staging_lookback_hours` (24) older than the newest
  already staged. The margin covers a load whose transaction was still open when the previous
  build read raw (its rows carry the transaction's start time). Rows outside it were staged
  before; a source row removed from raw (erasure) needs `dbt build --full-refresh --select staging`.
#}
{% macro incremental_since(column, staged_column=none) -%}
    {%- if is_incremental() %}
    where {{ column }} >= (
        select coalesce(max({{ staged_column or column }}), '-infinity'::timestamptz)
        from {{ this }}
    ) - make_interval(hours => {{ var('staging_lookback_hours', 24) }})
    {%- endif %}
{%- endmacro %}
