"""en-GB / en-IE, chunk 5 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
en-GB|x|@NHSEngland been waiting 14 months for a hip replacement. My mum, [[nm|Patricia Holloway]], NHS no. [[mr|560 110 7165]], can barely walk now. Who do I even complain to?
en-GB|google|A&E on a Friday night. 7 hour wait, triage in 20 mins though. Car park £4.50 for 2 hours. Staff were run off their feet. 3 stars.
en-GB|facebook|Hi all, my nan [[nm|Doreen]] has been moved to Ward 12 and we can't get through on the switchboard (0113 496 0000). If anyone on the ward sees this, could you ask someone to ring me on [[ph|07700 900481]]? Thanks, [[nm|Kelly Marsh]]
en-GB|google|Dropped my husband off for his appointment and the receptionist was lovely. Bit of a wait at the pharmacy though, about 40 mins.
en-GB|x|Spent 3 hours on hold to book a GP appt. Called 111 instead. Told to go to A&E. A&E told me to call my GP. Brilliant. @NHSuk
en-GB|facebook|Our daughter [[nm|Isla-Rose]] was born on [[dob|14th March 2026]] weighing 6lb 2oz and the midwives on the delivery suite were incredible 💕 We can't thank you enough. Proud mummy [[nm|Chloe Barraclough]] x
en-GB|google|Private clinic, £250 for a 15 minute consultation. Mr Aziz was thorough but I felt rushed. Invoice INV-20931 still not sent after 3 weeks.
en-GB|x|Can someone at the trust explain why my hospital number [[mr|RHM4402918]] is showing another patient's bloods on the app?? My name is [[nm|Daniel Okonkwo]]. Raised complaint C-55190 a week ago.
en-GB|facebook|For the fundraiser for [[nm|Josh]]'s new wheelchair: sort code and account [[ba|20-45-77 41338207]], account name [[nm|Gemma Whitfield]]. Or PayPal to [[em|gemma.whitfield84@btinternet.com]]. Every little helps 💙 #[[nm|Josh]]sWheels
en-GB|google|Absolutely shocking. My father, [[nm|Gordon McAllister]], DOB [[dob|02/09/1947]], was discharged at 2am in his pyjamas with no transport home. I've written to PALS. Contact me on [[ph|+44 7384 561902]].
en-GB|x|My NI number is [[ss|HR 67 41 39 A]] and the NHS app STILL says it can't verify me. 4 attempts. @NHSuk fix this pls
en-GB|instagram|Two years cancer free today 🎗️ Massive thank you to the oncology team and the chemo nurses on Ward 5. Follow my journey: [[url|instagram.com/beccasbattle_uk]]
en-GB|facebook|Our mum [[nm|Margaret Ellis]] passed away peacefully on Ward 31 last night. We want to thank the palliative care team for their kindness. Funeral details to follow. Cards can be sent to [[ad|14 Bramley Close, Harrogate HG2 7QP]].
en-GB|google|Booked a private scan, paid £89 on my card ending 3321, got a text 2 days later saying it was cancelled. Refund took 10 working days.
en-GB|x|@NHSEngland I'm a carer for my brother [[nm|Callum]], NHS number [[mr|477 066 6527]]. His wheelchair assessment has been cancelled 5 times this year.
en-GB|facebook|Does anyone know if the walk-in centre on the high street is open on bank holidays? Sign says 8am-8pm but the website says closed. Ta x
en-IE|x|@HSELive 11 hours on a trolley in ED with my dad. He's 82. The trolley watch says 94 people waiting in this hospital today. Disgraceful.
en-IE|facebook|Hi everyone, my name is [[nm|Siobhán Ní Bhriain]] and I'm looking for the lady who helped me when I collapsed in the hospital car park on Tuesday. Please get in touch on [[ph|087 412 6630]] 🙏
en-IE|google|Great care on the ward but the parking is a joke. €3 an hour and no spaces after 10am.
en-IE|x|Medical card application rejected AGAIN. PPS [[id|9811811O]], submitted everything they asked for. @HSELive what is going on
en-IE|facebook|Our little man [[nm|Oisín]] arrived on [[dob|21/11/2026]] weighing 8lb 1oz 💚 Thanks to all the midwives in the Coombe. Mammy [[nm|Aoife]] and Daddy [[nm|Ciarán]] are over the moon.
en-IE|google|Waited 6 weeks for a letter with my appointment. It came the day AFTER the appointment. Clinic ref OPD-7718.
en-IE|facebook|If anyone from the hospital is reading, my mother [[nm|Bridget Kavanagh]] is on St Brigid's ward and her glasses went missing. Please contact me, [[nm|Declan]], at [[em|declan.kav@eircom.net]] or [[ph|+353 86 219 4408]].
en-IE|x|Paid €100 for ED, wasn't even seen, left after 9 hrs. Receipt no. 000441827. Want a refund @HSELive
en-IE|google|I'm writing this for my granny who doesn't do the internet. She lives at [[ad|22 Oak Lawn, Ballincollig, Co. Cork P31 X2K8]] and the public health nurse hasn't called in 3 weeks. Her PPS is [[id|3176090O]] if you need to look her up.
en-IE|instagram|Finally home after 23 days in NICU 💚 Our warrior [[nm|Fiadh]], born [[dob|3rd October 2026]] at 29 weeks. Follow her story at [[h|@fiadhs_journey]]
en-IE|facebook|Is it normal to get a bill for an ambulance here? My neighbour got one for €350 after a fall. I thought it was free with the medical card?
en-IE|x|My passport no. is [[pp|PX4418273]] and the clinic still wants 'photo ID'. What more do you want from me. @HSELive
en-GB|google|Ref for my complaint is 2026/PALS/0392. Still no answer after 40 working days. My email is [[em|r.thornbury@outlook.com]] if anyone there actually reads reviews.
en-GB|facebook|Had to prove my identity for the sexual health clinic portal. Uploaded my driving licence ([[id|PARRY759129SJ9XK]]) and it got rejected 3 times. Name's [[nm|Sarah Parry]], if the clinic wants to sort it.
""")
