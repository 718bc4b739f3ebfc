-- Facebook: a patient's top-level comment on one of the page's posts.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'message'

),

facebook_comments as (

    -- a patient's top-level comment; replies in its thread are follow-ups, not new messages
    -- (threads are one level deep, so the page's answers to them cannot be told apart)
    select
        'facebook:' || institutions.institution_id || ':' || comments.comment_id as message_id,
        'facebook'                                           as channel_id,
        institutions.institution_id,
        comments.comment_id                                  as native_id,
        comments.author_pseudonym,
        comments.created_at,
        cast(null as integer)                                as star_rating,
        cast(null as text)                                   as lang,
        annotations.redacted_text                            as message_text,
        annotations.has_pii,
        annotations.intent,
        annotations.domain_code,
        annotations.category_code,
        annotations.sentiment,
        annotations.question_signature,
        annotations.classifier_version,
        false                                                as is_hidden
    from {{ ref('stg_facebook__comments') }} as comments
    inner join institutions
        on institutions.facebook_page_id = comments.page_id
    left join annotations
        on  annotations.source_name = 'facebook_comments'
        and annotations.account_id = comments.page_id
        and annotations.record_key = comments.comment_id
        and annotations.record_version_id = comments.comment_version_id
    where comments.parent_comment_id is null
      and not comments.is_by_page

)

select * from facebook_comments
