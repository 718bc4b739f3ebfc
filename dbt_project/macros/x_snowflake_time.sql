{#
  The creation instant encoded in an X post id: ids are snowflakes whose high bits are
  milliseconds since X's epoch (1288834974657 ms after the Unix epoch). Gives the creation time of
  a post version the warehouse never loaded (the first version of a post it saw only edited).
#}
{% macro x_snowflake_time(tweet_id) -%}
    to_timestamp(((cast({{ tweet_id }} as bigint) >> 22) + 1288834974657) / 1000.0)
{%- endmacro %}
