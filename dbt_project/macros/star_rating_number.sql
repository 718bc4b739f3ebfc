{# Google's starRating enum (ONE..FIVE) as a number; STAR_RATING_UNSPECIFIED is null. #}
{% macro star_rating_number(expression) -%}
    case {{ expression }}
        when 'ONE' then 1 when 'TWO' then 2 when 'THREE' then 3 when 'FOUR' then 4 when 'FIVE' then 5
    end
{%- endmacro %}
