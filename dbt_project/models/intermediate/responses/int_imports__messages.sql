-- Imported exports: every record not written by the institution (follow-ups too, as on X).
-- The channel's mapping onto the common shape (see int_inbound_messages_unioned / int_responses_unioned).
-- A record with the platform's own id (mapping `platform_ids: true`, e.g. an X export) is the same
-- post as the API's: it takes the API message's id, and when the API delivered that post too the
-- API's version wins and the imported copy is left out (docs/file-imports.md#exports-that-overlap-the-api).
-- An X export may hold an edited post under any of its versions' ids: it is the post of its first
-- version (as int_x__messages counts it), when the API delivered its edit history.
with

x_versions as (

    -- only the versions an imported record names (not a sort of every X post's versions)
    select distinct version_id, mentions.original_tweet_id
    from {{ ref('stg_x__mentions') }} as mentions
    cross join lateral unnest(mentions.edit_history_tweet_ids) as versions (version_id)
    where versions.version_id in (select platform_message_id from {{ ref('stg_imports__messages') }}
                                  where channel_id = 'x' and platform_message_id is not null)

),

imported as (

    select
        imported.*,
        accounts.institution_id,
        imported.channel_id || ':' || accounts.institution_id || ':'
            || coalesce(x_versions.original_tweet_id, imported.platform_message_id, imported.record_key)
                                                             as message_id_unified,
        coalesce(x_versions.original_tweet_id, imported.platform_message_id, imported.record_key) as native_id
    from {{ ref('stg_imports__messages') }} as imported
    inner join {{ ref('int_institution_accounts') }} as accounts
        on accounts.account_id = imported.account_id
    left join x_versions
        on  imported.channel_id = 'x'
        and x_versions.version_id = imported.platform_message_id
    where not imported.is_institution

),

-- the messages the APIs delivered (every channel mapping but this one)
api_messages as (

    {% for channel in var('channel_mappings') if channel != 'imports' %}
    select message_id from {{ ref('int_' ~ channel ~ '__messages') }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

imported_messages as (

    -- every message a patient wrote in an export (follow-ups too, as on X)
    select
        imported.message_id_unified                          as message_id,
        imported.channel_id,
        imported.institution_id,
        imported.native_id,
        imported.author_pseudonym,
        imported.created_at,
        imported.star_rating,
        cast(null as text)                                   as lang,
        {{ annotation_columns('message') }},
        false                                                as is_hidden,
        cast(null as timestamptz)                            as deleted_at  -- no complete reads: deletions unknown
    from imported
    {{ join_annotations('message', 'imported_messages', 'imported.account_id', 'imported.record_key', 'imported.record_version_id') }}
    where imported.platform_message_id is null
       or not exists (select 1 from api_messages where api_messages.message_id = imported.message_id_unified)

)

select * from imported_messages
