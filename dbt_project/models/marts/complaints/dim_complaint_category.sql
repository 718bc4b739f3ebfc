-- The complaint taxonomy's hierarchy (seed complaint_taxonomy, the only place its names live):
-- one row per category with its domain.
with

taxonomy as (

    select * from {{ ref('complaint_taxonomy') }}

),

categories as (

    select * from taxonomy where level = 'category'

),

domains as (

    select * from taxonomy where level = 'domain'

)

select
    cast(categories.code as text)                            as category_code,
    cast(categories.name_es as text)                         as category_name_es,
    cast(categories.name_en as text)                         as category_name_en,
    cast(categories.description_es as text)                  as category_description_es,
    cast(categories.description_en as text)                  as category_description_en,
    cast(domains.code as text)                               as domain_code,
    cast(domains.name_es as text)                            as domain_name_es,
    cast(domains.name_en as text)                            as domain_name_en,
    cast(categories.taxonomy_version as text)                as taxonomy_version
from categories
inner join domains on domains.code = categories.parent_code
