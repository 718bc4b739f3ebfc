-- Instagram: a top-level comment by someone else than the account; hidden ones counted and flagged.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'message'

),

instagram_comments as (

    -- a top-level comment by someone else than the account; hidden ones are counted and flagged
    select
        'instagram:' || institutions.institution_id || ':' || comments.comment_id as message_id,
        'instagram'                                          as channel_id,
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
        comments.is_hidden
    from {{ ref('stg_instagram__comments') }} as comments
    inner join institutions
        on institutions.instagram_user_id = comments.ig_user_id
    left join annotations
        on  annotations.source_name = 'instagram_comments'
        and annotations.account_id = comments.ig_user_id
        and annotations.record_key = comments.comment_id
        and annotations.record_version_id = comments.comment_version_id
    where comments.parent_comment_id is null
      and not comments.is_by_account

)

select * from instagram_comments
