-- Every channel's institution replies mapped onto one shape: which message each one answers.
with

institutions as (

    select * from {{ ref('institutions') }}

),

x_replies as (

    select
        'x-reply:' || replies.reply_tweet_id                 as response_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        'x:' || institutions.institution_id || ':' || replies.replied_to_tweet_id as message_id,
        replies.created_at                                   as responded_at
    from {{ ref('stg_x__replies') }} as replies
    inner join institutions
        on institutions.x_user_id = replies.institution_user_id
    where replies.is_by_account

),

google_replies as (

    select
        'google-reply:' || reviews.review_name               as response_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        reviews.reply_first_seen_at                          as responded_at
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name
           = 'accounts/' || institutions.google_account_id || '/locations/' || institutions.google_location_id
    where reviews.reply_first_seen_at is not null

)

select * from x_replies
union all
select * from google_replies
