with

source as (

    select * from {{ source('webcare', 'load_batches') }}

),

renamed as (

    select
        -- ids
        run_id,
        source                                               as source_name,
        account_id,

        -- timestamps
        batch_date,
        extracted_at,
        cutoff,
        loaded_at,

        -- counts
        records_received,
        records_inserted,
        records_seen_before,
        records_quarantined,

        -- cursors
        cursor_before,
        cursor_after

    from source

)

select * from renamed
