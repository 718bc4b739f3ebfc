{#
  The redacted text and labels of a channel's record (stg_webcare__text_annotations), for the
  channel mapping models (int_<channel>__messages / __replies): the same columns, in the same
  order, for every channel.

    {{ annotation_columns('message') }}                 -- after the mapping's own columns
    {{ join_annotations('message', 'facebook_comments', 'comments.page_id', 'comments.comment_id',
                        'comments.comment_version_id') }}
#}
{% macro annotation_columns(kind) -%}
    {%- if kind == 'message' -%}
        annotations.redacted_text                            as message_text,
        annotations.has_pii,
        annotations.intent,
        annotations.domain_code,
        annotations.category_code,
        annotations.sentiment,
        annotations.question_signature,
        annotations.classifier_version
    {%- else -%}
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    {%- endif -%}
{%- endmacro %}

{% macro join_annotations(kind, source_name, account_id, record_key, record_version_id) -%}
    left join {{ ref('stg_webcare__text_annotations') }} as annotations
        on  annotations.text_kind = '{{ kind }}'
        and annotations.source_name = '{{ source_name }}'
        and annotations.account_id = {{ account_id }}
        and annotations.record_key = {{ record_key }}
        and annotations.record_version_id = {{ record_version_id }}
{%- endmacro %}
