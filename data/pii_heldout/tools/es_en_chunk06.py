"""en-US, chunk 6 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
en-US|x|@KaiserPermanente I've been billed $1,840 for an ER visit my plan covers. Claim #CLM-88421093. On hold 2 hrs and counting.
en-US|facebook|Hi, I'm [[nm|Brittany Kowalski]] and my son [[nm|Tyler]] was born at 34 weeks on [[dob|09/15/2026]]. The NICU team at St. Luke's were amazing. If anyone needs a NICU mom to talk to, text me at [[ph|(614) 555-0187]] 💙
en-US|google|Urgent care visit: $175 copay, 3 hour wait, saw the PA for 4 minutes. Dr. Patel was nice on the follow-up call though.
en-US|x|Your patient portal just emailed MY lab results to [[em|jmorales77@yahoo.com]] which is NOT my email. I'm [[nm|Jessica Morales]], MRN [[mr|E8830215]]. HIPAA anyone??
en-US|facebook|Prayers please 🙏 my grandpa [[nm|Earl Whitaker]] had a stroke this morning and is in ICU bed 7. If you want to send cards: [[ad|418 Maple Ridge Dr, Dayton, OH 45429]].
en-US|google|They asked for my SSN at check-in and the girl read it out loud: [[ss|465-19-0331]]. Everyone in the waiting room heard it. Unacceptable.
en-US|x|Hospital billing charged my Visa [[cd|4108 2262 1753 3961]] twice for the same MRI. $2,400 x2. Please call me back [[ph|512-555-0139]]
en-US|instagram|Bringing home baby [[nm|Harper]] 💕 born [[dob|November 2, 2026]], 7 lbs 4 oz. Thank you to the L&D nurses! Follow along [[h|@the.millers.grow]]
en-US|facebook|Found a black wallet in the cafeteria on the 2nd floor. Has a Texas driver's license for [[nm|Ricardo Villarreal]], DL [[id|41873906]]. Left it with security at the main entrance.
en-US|google|Nurses in the oncology infusion center are angels. Parking validated for 4 hours, valet $8. 5 stars.
en-US|x|Called the nurse line 3x. 45 min on hold each time. My daughter has a 103 fever. This is what healthcare looks like in 2026 @CDCgov
en-US|facebook|This is [[nm|Linda Tran]] writing on behalf of my mother, who doesn't use Facebook. She got a bill for a procedure she never had. Her DOB is [[dob|4/22/1951]] and her patient account (MRN [[mr|00731184]]) is attached to someone else's colonoscopy. Please reach me at [[em|linda.tran.oc@gmail.com]].
en-US|x|Day 37 of trying to get my insurance to approve an MRI. Prior auth ref PA-2026-11904. #healthcare #USA
en-US|google|I'm [[nm|Marcus Bell]] and my wife [[nm|Tasha]] delivered here. The nurses were wonderful but the billing office sent us to collections after 30 days. Call me: [[ph|404.555.0162]].
en-US|instagram|1 year ago today I was in the cardiac ICU. Today I ran my first 5K 🏃‍♀️❤️ Thank you to the cardiac rehab team. Follow my recovery: [[url|tiktok.com/@heartstrong.kayla]]
en-US|facebook|PSA for anyone going to the ER on a weekend: bring snacks, a phone charger and a book. Average wait in my experience: 5-6 hours. Parking is $12.
en-US|x|my SSN on the chart is [[ss|678147302]] and the insurance has a different one. which is why nothing is getting paid. smh
en-US|google|Needed travel vaccines before my trip. They wanted my passport number, [[pp|A04518273]], and a $60 consultation fee on top of the shots. Rip-off but fast.
en-US|facebook|GoFundMe for [[nm|Destiny]]'s surgery is at 62%!! Thank you all!! If you'd rather send directly, Zelle [[ph|(312) 555-0174]] or Venmo [[h|@destiny_ramos3]] 💜
en-US|x|Finally got seen. Room 14, 9 hours later. Discharge papers say 'follow up in 2 weeks'. With who???
en-US|google|My address on file is wrong and they keep sending bills to my old place. New address: [[ad|Apt 3C, 1150 N Lake Shore Dr, Chicago, IL 60611]]. Name is [[nm|Heather Lindqvist]]. Please update!!
en-US|facebook|Any recommendations for a good pediatric dentist around here? Our insurance is Aetna. Kids are 4 and 7.
en-US|x|Hey @KaiserPermanente the card on file [[cd|5368 1804 0773 5575]] was charged $489 without authorization. MRN [[mr|11-4478-2093]] if you need it. Call me.
en-US|instagram|Our rainbow baby [[nm|Mateo James]] 🌈 born [[dob|10.28.2026]] at 3:14am. Mom and baby healthy! 🩵
en-US|google|Checked in with my California DL [[id|D5539021]] and they STILL couldn't find me in the system. 40 minutes at the front desk.
en-US|facebook|The hospital social worker asked me to post my email so she could send the forms: [[em|rgonzalez.nyc@gmail.com]]. Also my cell [[ph|917-555-0126]]. I'm [[nm|Rosa Gonzalez]], mom of the patient in room 410.
en-US|x|Not gonna lie the ER staff were great tonight. 2 hours door to discharge. 10/10 would break my wrist again 😅
en-US|google|I sent my mother's medical records request 3 weeks ago. Her name is [[nm|Dolores Whitfield-Hayes]], DOB [[dob|January 9, 1944]]. Please mail them to [[ad|2217 Birchwood Ave, Apt 2, Sacramento, CA 95822]].
""")
