{# The Google Business Profile location resource of an institution row: accounts/{a}/locations/{l}. #}
{% macro google_location_name(relation) -%}
    ('accounts/' || {{ relation }}.google_account_id || '/locations/' || {{ relation }}.google_location_id)
{%- endmacro %}
