{#
  on-run-start: a build that (re)creates every intermediate view first drops them all, so they are
  created afresh. Replacing a view drops its old version with `cascade`, and two of dbt's threads
  doing that to views with a dependent in common can deadlock in PostgreSQL. Before staging was
  incremental, rebuilding the staging views dropped the intermediate ones (cascade) before every
  marts build; staging tables are no longer dropped, so this does it. A build selecting only some
  intermediate views drops nothing (a cascade would take unselected views with it).
#}
{% macro drop_intermediate_views() %}
    {%- set views = [] -%}
    {%- set selected = [] -%}
    {%- if execute and flags.WHICH in ('build', 'run') -%}
        {%- for node in graph.nodes.values()
              if node.resource_type == 'model' and node.config.materialized == 'view'
                 and node.schema == 'intermediate' -%}
            {%- do views.append(node) -%}
            {%- if node.unique_id in selected_resources -%}{%- do selected.append(node) -%}{%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if views and selected | length == views | length -%}
        {%- for node in views %}
    drop view if exists {{ adapter.quote(node.schema) }}.{{ adapter.quote(node.alias) }} cascade;
        {%- endfor %}
    {%- else -%}
    select 1
    {%- endif -%}
{% endmacro %}
