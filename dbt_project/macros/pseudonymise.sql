{# Salted SHA-256 of an author identifier. The salt lives in the warehouse (private.settings),
   readable only through private.pseudonymise(), so it appears in no SQL text, view definition
   or dbt artefact. #}
{% macro pseudonymise(expression) -%}
    private.pseudonymise({{ expression }})
{%- endmacro %}
