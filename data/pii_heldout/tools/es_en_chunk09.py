"""Top-up chunk 9: glued / lower-case / obfuscated spellings, mixed varieties (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|tlf[[ph|699204118]] whatsapp, llamadme q el 900 no funciona y tengo q anular la cita del lunes. [[nm|Sebas]] @HospInsularAtl
es-ES|facebook|a ver si alguien de admision me lee: dni [[id|20434611p]] y el de mi mujer nie [[id|y1372794f]], nos han duplicado la historia clinica y ahora tenemos dos numeros, [[mr|1184402]] y [[mr|1184517]]. un lio. [[nm|paco hidalgo]]
es-ES|google|Fui como acompañante de mi vecina y me pidieron MI número de la Seguridad Social: [[ss|51-18040298-04]]. Ni que fuera yo la paciente. Muy raro todo.
en-US|x|scam alert: got a call from '(800) 555-0199 hospital billing' asking for my SSN and date of birth. Do NOT give it out, people. @CDCgov
en-GB|google|They printed my NHS number on the parking receipt?! NHS [[mr|943 987 0745]]. Anyone could pick that up off the floor.
en-IE|facebook|Refund for the private room finally came through to [[ba|IE52 IPBS 7424 1553 6363 51]] after 4 months. If you're waiting too, keep ringing them. Happy to help anyone, message me: [[url|facebook.com/ciara.obrien.cork]]
es-ES|instagram|Con mi mami en la planta 7 🥰 Hoy le quitan los puntos. Los que preguntáis por ella, su insta es [[h|@lolifdez_62]] 😂
en-US|google|Front desk asked me to write my SSN on a sticky note. I wrote [[ss|016-81-2153]] and watched them leave it on the counter. Complained to the manager, nothing happened.
es-ES|facebook|Mi correo para lo del voluntariado de acompañamiento en el hospital: [[em|rosa.m.aguirre@gmail.com]] o [[em|rosamaria punto aguirre arroba outlook punto com]], el de siempre. Tengo disponibilidad lunes y miércoles por la tarde.
en-GB|x|mobile[[ph|07700900517]] if anyone from the trust actually wants to talk about my mum's care. Not holding my breath.
es-ES|google|Me llamaron diciendo ser del hospital para devolverme 40€ del copago y les di la tarjeta [[cd|2221 7686 3100 6005]]. Era una estafa. Avisad a vuestros mayores.
pt-BR|facebook|Meu pai, [[nm|Sebastião Nunes]], CPF [[id|315.644.457-04]], cartão SUS [[mr|779302612307644]], precisa de transferência para um hospital com UTI. Moramos na [[ad|Rua Sete de Setembro 88, Centro, Juiz de Fora - MG]]. Por favor, compartilhem.
es-ES|facebook|Pasaporte de mi hijo para la cita del pediatra, que es brasileño y todavía no tiene NIE: [[pp|FT902331]]. El centro de salud no acepta el resguardo provisional. ¿Alguien sabe qué hacer?
en-US|facebook|Born [[dob|12/01/2026]] at 11:52pm: [[nm|Wren Elizabeth]] 🤍 7lb 11oz of perfection. Huge thanks to Labor & Delivery on 4 North.
en-US|x|billing keeps saying they emailed the itemized bill. they did not. try [[em|kaylee.ross [at] gmail [dot] com]], I'm not typing it properly bc of bots. [[nm|Kaylee]]
""")
