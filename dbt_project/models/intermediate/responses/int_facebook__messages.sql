-- Facebook: a patient's top-level comment on one of the page's posts.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

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
        {{ annotation_columns('message') }},
        false                                                as is_hidden,
        cast(null as timestamptz)                            as deleted_at  -- no complete reads: deletions unknown
    from {{ ref('stg_facebook__comments') }} as comments
    inner join institutions
        on institutions.facebook_page_id = comments.page_id
    {{ join_annotations('message', 'facebook_comments', 'comments.page_id', 'comments.comment_id', 'comments.comment_version_id') }}
    where comments.parent_comment_id is null
      and not comments.is_by_page

)

select * from facebook_comments
