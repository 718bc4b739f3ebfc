-- Facebook: the page's comments in a thread answer its top-level comment.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

facebook_replies as (

    -- the page's comments in a thread answer its top-level comment
    select
        'facebook-reply:' || replies.comment_id              as response_id,
        'facebook'                                           as channel_id,
        institutions.institution_id,
        'facebook:' || institutions.institution_id || ':' || replies.parent_comment_id as message_id,
        replies.created_at                                   as responded_at,
        {{ annotation_columns('reply') }}
    from {{ ref('stg_facebook__comments') }} as replies
    inner join institutions
        on institutions.facebook_page_id = replies.page_id
    {{ join_annotations('reply', 'facebook_comments', 'replies.page_id', 'replies.comment_id', 'replies.comment_version_id') }}
    where replies.is_by_page
      and replies.parent_comment_id is not null

)

select * from facebook_replies
