"""Top-up chunk 8: mixed varieties, rarer kinds (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|Mi pasaporte [[pp|PAF902174]] caduca en enero y la consulta del viajero me dice que lo renueve antes de vacunarme?? Qué tiene que ver. Si alguien sabe algo escribidme a [[h|@marina_sg_viajes]]
es-ES|facebook|Devolución del depósito de la clínica de reproducción: os he pasado mi IBAN [[ba|ES49 0238 2453 8149 5698 7765]] tres veces por email. Soy [[nm|Yaiza Cabrera Santana]], paciente desde 2024. Si preferís por DM: [[url|instagram.com/yaiza.cs]]
es-ES|google|Pagué la cirugía (3.400€) entre la tarjeta [[cd|4797-2761-5934-6753]] y la [[cd|5511193514041270]] porque la primera tenía límite. Me han cargado 800€ de más en la segunda. [[nm|Eduardo]], [[ph|649 380 215]].
en-GB|x|@NHSuk my NI no. is [[ss|WM390093D]] and passport [[pp|548120937]]. Still can't prove who I am on your app. Follow me back [[h|@liamjgreen]] so I can DM
en-US|facebook|Identity theft warning: someone used my SSN, [[ss|848-24-6782]], to get treated at an ER in Phoenix and now I'm getting their bills. If you work in hospital billing and see this, reach me at [[url|facebook.com/danielle.pruitt.az]] or [[h|@dpruitt_az]].
es-ES|x|@HospCostaNorte me ha llegado un SMS vuestro pidiendo el NUSS ([[ss|52/35976827/53]]) y el número de tarjeta. Le he dado la tarjeta [[cd|5523 1402 5211 4633]] antes de darme cuenta. ¿Es vuestro o es una estafa?
pt-BR|facebook|Pra quem pediu os dados pra ajudar o [[nm|Davi]]: moramos em Portugal, então a conta é portuguesa, [[ba|PT27 0082 7901 1449 8766 1038 4]]. Titular [[nm|Larissa Mendonça]]. O perfil dele: [[url|instagram.com/forcadavi]]
en-IE|x|@HSELive bank details for the refund since the form keeps crashing: [[ba|IE40 IPBS 5851 5775 7780 33]], name [[nm|Niamh Doyle]]. Not ideal to post here but here we are
es-ES|instagram|[[nm|Unai]] y yo os presentamos a [[nm|Ane]] 👶 llegó el [[dob|2 de noviembre de 2026]] y ya manda en casa. Más fotos en [[url|instagram.com/unaiyandrea]] y en [[h|@andrea.lasagabaster]]
en-US|google|They made me pay the deposit upfront, $300 on my Amex [[cd|3475 663410 18051]]. Surgery got postponed and no refund after 6 weeks. They also wanted my passport number ([[pp|567218043]]) for 'ID verification'?! Weird.
es-ES|facebook|Cuenta para el viaje de [[nm|Hugo]] a la clínica de protonterapia: [[ba|0030 3902 49 4905784351]] (la CCC de toda la vida, titular su abuelo) o el IBAN [[ba|ES22 0075 0943 9249 1487 9967]]. Seguid su lucha en [[url|facebook.com/lalucha.dehugo]]
en-GB|facebook|Posting for my dad who's not on here: he's [[nm|Brian Sutcliffe]], NI [[ss|GL 73 17 29 D]], NHS [[mr|521 201 2740]]. He lost his wallet with his passport ([[pp|120487365]]) in the hospital chapel. Please DM me [[h|@suttoclaire]].
es-ES|x|Me cobraron la ambulancia privada con la [[cd|4165 6082 1244 6218]]. 290€. Y tardó 50 min. El vídeo está en [[url|x.com/pacoleonmalaga]] para quien quiera verlo
en-US|x|Pharmacy gave my prescription to someone else because we have the same name. I'm [[nm|Kevin O'Malley]], born [[dob|07/30/1988]]. SSN last 4 is 2260, that should've been enough to check.
pt-BR|x|A atendente pediu meu passaporte [[pp|GA772013]] em vez do RG e ainda anotou errado. Hospital particular e esse nível. Me sigam [[h|@camilarochabr]]
en-US|facebook|Our daughter [[nm|Ava]] has a rare condition and we're moving closer to the children's hospital. Mail can go to our new place: [[ad|77 Willow Creek Ln, Franklin, TN 37064]]. Thank you all ❤️ [[nm|Megan Foster]] ([[h|@meganfoster_tn]])
""")
