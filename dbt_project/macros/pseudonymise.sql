{# Salted SHA-256 of an author identifier, by private.pseudonymise(). The salt is a setting of
   dbt's own sessions (webcare.pseudonyms passes it through PGOPTIONS), stored nowhere in the
   warehouse, so it appears in no SQL text, view definition or dbt artefact. #}
{% macro pseudonymise(expression) -%}
    private.pseudonymise({{ expression }})
{%- endmacro %}
