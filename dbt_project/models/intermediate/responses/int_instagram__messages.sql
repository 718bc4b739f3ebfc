-- Instagram: a top-level comment by someone else than the account; hidden ones counted and flagged.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

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
        {{ annotation_columns('message') }},
        comments.is_hidden,
        cast(null as timestamptz)                            as deleted_at  -- no complete reads: deletions unknown
    from {{ ref('stg_instagram__comments') }} as comments
    inner join institutions
        on institutions.instagram_user_id = comments.ig_user_id
    {{ join_annotations('message', 'instagram_comments', 'comments.ig_user_id', 'comments.comment_id', 'comments.comment_version_id') }}
    where comments.parent_comment_id is null
      and not comments.is_by_account

)

select * from instagram_comments
