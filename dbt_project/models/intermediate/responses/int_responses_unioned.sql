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

)

select * from x_replies
union all
select * from google_replies
