{# Custom schemas are used as they are (staging, intermediate, marts_build, reference),
   not prefixed with the target schema. With the var `published` (dbt docs generate after
   publishing, webcare.dbt.docs_generate), the marts are described where BI reads them: publishing
   renames marts_build to marts (webcare.publish). #}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}
    {%- elif var('published', false) and custom_schema_name | trim == 'marts_build' -%}marts
    {%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
