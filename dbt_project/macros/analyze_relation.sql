{#- After a table (or an incremental table) is built: fresh planner statistics (`analyze`).
    PostgreSQL gathers them only when autovacuum gets to a new table; until then the next
    models' joins are planned on default estimates (a 60,000-message history build took 84 s
    for int_messages_joined_to_first_reply without them, 10 s with them). ANALYZE reads a
    fixed-size sample, so its cost does not grow with the table. Views: nothing. -#}
{% macro analyze_relation() %}
  {%- if config.get('materialized') in ('table', 'incremental') -%}
    analyze {{ this }}
  {%- endif -%}
{% endmacro %}
