{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['source_name', 'account_id', 'record_key', 'record_version_id', 'text_kind'],
    on_schema_change='fail',
    indexes=[{'columns': ['source_name', 'account_id', 'record_key', 'record_version_id', 'text_kind'], 'unique': True}, {'columns': ['classified_at']}],
) }}
-- The redacted text and labels of each raw record version and text kind, from the most recent
-- classification (a reclassification after a change of method adds rows with a new version).
with

source as (

    select * from {{ source('webcare', 'text_annotations') }}
    {{ incremental_since('classified_at') }}

),

latest as (

    select distinct on (source, account_id, record_key, payload_sha256, text_kind) *
    from source
    order by source, account_id, record_key, payload_sha256, text_kind, classified_at desc, classifier_version desc

),

renamed as (

    select
        -- ids
        source                                               as source_name,
        account_id,
        record_key,
        payload_sha256                                       as record_version_id,
        text_kind,

        -- text (redacted)
        redacted_text,
        has_pii,
        pii_kinds,

        -- labels of a message
        intent,
        domain                                               as domain_code,
        category                                             as category_code,
        sentiment,
        question_signature,

        -- labels of a reply
        tone,
        moves_to_private,
        gives_medical_advice,

        -- provenance
        classifier_version,
        classified_at

    from latest

)

select * from renamed
