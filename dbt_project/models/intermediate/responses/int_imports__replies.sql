-- Imported exports: institution records that answer a message of the same mapping.
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
-- With the platform's own ids (mapping `platform_ids: true`) a reply answers the post of that id
-- (imported or from the API) and, when the API delivered the same reply, the API's version wins.
-- A reply to any version of an edited X post answers the post (its first version's id).
with

x_versions as (

    -- only the versions an imported record names (not a sort of every X post's versions)
    select distinct version_id, mentions.original_tweet_id
    from {{ ref('stg_x__mentions') }} as mentions
    cross join lateral unnest(mentions.edit_history_tweet_ids) as versions (version_id)
    where versions.version_id in (select platform_in_reply_to_id from {{ ref('stg_imports__messages') }}
                                  where channel_id = 'x' and platform_in_reply_to_id is not null)

),

replies as (

    select
        replies.*,
        accounts.institution_id,
        coalesce(x_versions.original_tweet_id, replies.platform_in_reply_to_id) as platform_answered_id,
        case when replies.platform_message_id is not null
             then replies.channel_id || '-reply:' || replies.platform_message_id
             else 'imported-reply:' || accounts.institution_id || ':' || replies.record_key
        end                                                  as response_id_unified
    from {{ ref('stg_imports__messages') }} as replies
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = replies.account_id
    left join x_versions
        on  replies.channel_id = 'x'
        and x_versions.version_id = replies.platform_in_reply_to_id
    where replies.is_institution
      and replies.in_reply_to_record_key is not null

),

-- the replies the APIs delivered (every channel mapping but this one)
api_replies as (

    {% for channel in var('channel_mappings') if channel != 'imports' %}
    select response_id from {{ ref('int_' ~ channel ~ '__replies') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

imported_replies as (

    select
        replies.response_id_unified                          as response_id,
        replies.channel_id,
        replies.institution_id,
        replies.channel_id || ':' || replies.institution_id || ':'
            || coalesce(replies.platform_answered_id, replies.in_reply_to_record_key) as message_id,
        replies.created_at                                   as responded_at,
        {{ annotation_columns('reply') }}
    from replies
    {{ join_annotations('reply', 'imported_messages', 'replies.account_id', 'replies.record_key', 'replies.record_version_id') }}
    where replies.platform_message_id is null
       or not exists (select 1 from api_replies where api_replies.response_id = replies.response_id_unified)

)

select * from imported_replies
