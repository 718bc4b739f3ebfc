with

source as (

    select * from {{ source('webcare', 'deletions') }}

),

renamed as (

    select
        -- ids
        source                                               as source_name,
        account_id,
        record_key,

        -- timestamps
        observed_at                                          as deleted_observed_at,
        run_id

    from source

)

select * from renamed
