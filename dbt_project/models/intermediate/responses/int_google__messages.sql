-- Google: each review of the institution's location, once (its latest version), with when the
-- warehouse learnt it was deleted (a complete read no longer returned it).
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

google_reviews as (

    select
        'google:' || institutions.institution_id || ':' || reviews.review_name as message_id,
        'google'                                             as channel_id,
        institutions.institution_id,
        reviews.review_name                                  as native_id,
        reviews.reviewer_pseudonym                           as author_pseudonym,
        reviews.created_at,
        reviews.star_rating,
        cast(null as text)                                   as lang,
        {{ annotation_columns('message') }},
        false                                                as is_hidden,
        deletions.deleted_observed_at                        as deleted_at
    from {{ ref('int_google_reviews_deduplicated') }} as reviews
    inner join institutions
        on reviews.location_name = {{ google_location_name('institutions') }}
    {{ join_annotations('message', 'google_reviews', 'reviews.location_name', 'reviews.review_name', 'reviews.review_version_id') }}
    left join {{ ref('stg_webcare__deletions') }} as deletions
        on  deletions.source_name = 'google_reviews'
        and deletions.account_id = reviews.location_name
        and deletions.record_key = reviews.review_name

)

select * from google_reviews
