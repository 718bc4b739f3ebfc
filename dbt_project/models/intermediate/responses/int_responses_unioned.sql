-- Every channel's institution replies mapped onto one shape: which message each one answers,
-- with the reply's redacted text and labels.
with

institutions as (

    select * from {{ ref('institutions') }}

),

annotations as (

    select * from {{ ref('stg_webcare__text_annotations') }} where text_kind = 'reply'

),

x_replies as (

    select
        'x-reply:' || replies.reply_tweet_id                 as response_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        'x:' || institutions.institution_id || ':' || replies.replied_to_tweet_id as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_x__replies') }} as replies
    inner join institutions
        on institutions.x_user_id = replies.institution_user_id
    left join annotations
        on  annotations.source_name = 'x_tweets'
        and annotations.account_id = replies.institution_user_id
        and annotations.record_key = replies.reply_tweet_id
        and annotations.record_version_id = replies.reply_version_id
    where replies.is_by_account

),

google_replies as (

    select
        'google-reply:' || reviews.review_name               as response_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        reviews.reply_first_seen_at                          as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    left join annotations
        on  annotations.source_name = 'google_reviews'
        and annotations.account_id = reviews.location_name
        and annotations.record_key = reviews.review_name
        and annotations.record_version_id = reviews.review_version_id
    where reviews.reply_first_seen_at is not null

),

facebook_replies as (

    -- the page's comments in a thread answer its top-level comment
    select
        'facebook-reply:' || replies.comment_id              as response_id,
        'facebook'                                           as channel_id,
        institutions.institution_id,
        'facebook:' || institutions.institution_id || ':' || replies.parent_comment_id as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_facebook__comments') }} as replies
    inner join institutions
        on institutions.facebook_page_id = replies.page_id
    left join annotations
        on  annotations.source_name = 'facebook_comments'
        and annotations.account_id = replies.page_id
        and annotations.record_key = replies.comment_id
        and annotations.record_version_id = replies.comment_version_id
    where replies.is_by_page
      and replies.parent_comment_id is not null

),

instagram_replies as (

    select
        'instagram-reply:' || replies.comment_id             as response_id,
        'instagram'                                          as channel_id,
        institutions.institution_id,
        'instagram:' || institutions.institution_id || ':' || replies.parent_comment_id as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_instagram__comments') }} as replies
    inner join institutions
        on institutions.instagram_user_id = replies.ig_user_id
    left join annotations
        on  annotations.source_name = 'instagram_comments'
        and annotations.account_id = replies.ig_user_id
        and annotations.record_key = replies.comment_id
        and annotations.record_version_id = replies.comment_version_id
    where replies.is_by_account
      and replies.parent_comment_id is not null

),

imported_replies as (

    select
        'imported-reply:' || accounts.institution_id || ':' || replies.record_key as response_id,
        replies.channel_id,
        accounts.institution_id,
        replies.channel_id || ':' || accounts.institution_id || ':' || replies.in_reply_to_record_key as message_id,
        replies.created_at                                   as responded_at,
        annotations.redacted_text                            as reply_text,
        annotations.tone,
        annotations.moves_to_private,
        annotations.gives_medical_advice,
        annotations.classifier_version
    from {{ ref('stg_imports__messages') }} as replies
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = replies.account_id
    left join annotations
        on  annotations.source_name = 'imported_messages'
        and annotations.account_id = replies.account_id
        and annotations.record_key = replies.record_key
        and annotations.record_version_id = replies.record_version_id
    where replies.is_institution
      and replies.in_reply_to_record_key is not null

)

select * from x_replies
union all
select * from google_replies
union all
select * from facebook_replies
union all
select * from instagram_replies
union all
select * from imported_replies
