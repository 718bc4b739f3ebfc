-- X: posts in an institution account's mentions timeline not written by the institution.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
-- An edited post is one message (docs/metrics.md#inbound-message): it keeps its first version's
-- id and creation time (from the first version when loaded, else from that id's snowflake), and
-- carries its latest version's text. Deleted posts: when the X lookup said it no longer exists.
with

institutions as (

    select * from {{ ref('stg_webcare__institutions') }}

),

versions as (

    select * from {{ ref('stg_x__mentions') }}
    where not is_self_mention

),

latest_versions as (

    select distinct on (mentioned_user_id, original_tweet_id) *
    from versions
    order by mentioned_user_id, original_tweet_id, created_at desc, tweet_id desc

),

first_versions as (

    select
        mentioned_user_id,
        original_tweet_id,
        min(created_at) filter (where tweet_id = original_tweet_id) as original_created_at
    from versions
    group by mentioned_user_id, original_tweet_id

),

x_mentions as (

    select
        'x:' || institutions.institution_id || ':' || mentions.original_tweet_id as message_id,
        'x'                                                  as channel_id,
        institutions.institution_id,
        mentions.original_tweet_id                           as native_id,
        mentions.author_pseudonym,
        coalesce(first_versions.original_created_at,
                 {{ x_snowflake_time('mentions.original_tweet_id') }}) as created_at,
        cast(null as integer)                                as star_rating,
        mentions.lang,
        {{ annotation_columns('message') }},
        false                                                as is_hidden,
        deletions.deleted_observed_at                        as deleted_at
    from latest_versions as mentions
    inner join first_versions
        on  first_versions.mentioned_user_id = mentions.mentioned_user_id
        and first_versions.original_tweet_id = mentions.original_tweet_id
    inner join institutions
        on institutions.x_user_id = mentions.mentioned_user_id
    {{ join_annotations('message', 'x_mentions', 'mentions.mentioned_user_id', 'mentions.tweet_id', 'mentions.tweet_version_id') }}
    left join {{ ref('stg_webcare__deletions') }} as deletions
        on  deletions.source_name = 'x_mentions'
        and deletions.account_id = mentions.mentioned_user_id
        and deletions.record_key = mentions.original_tweet_id

)

select * from x_mentions
