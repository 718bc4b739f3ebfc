"""Top-up chunk 10: regional spoken usage (Andalusian, Canarian, Murcian, Aragonese, Valencian)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
es-ES|x|illo @CGuadalquivir mi arbuelo [[nm|Manué]] lleva dende las sei de la mañana en la sala e espera. 89 tacos tiene. Llamadme ar [[ph|605 77 13 40]] que yo me planto allí
es-ES|google|Mi niño se cayó bajando de la guagua y lo llevamos a urgencias pediátricas. En 20 minutos nos atendieron, chacho, un lujo. La pediatra un amor. 5 estrellas.
es-ES|facebook|Buenas, soy [[nm|Pilar Lasheras Gracia]], de Calatayud. Me han mandado la carta con el nº de la Seguridad Social mal, el bueno es [[ss|50 37487037 05]]. ¿Lo cambio en el centro de salud o en el INSS? Pues eso, gracias majos.
es-ES|x|acho @CMRibera tres veces me habeis cambiao la cita de la eco. Pa cuando, pa 2028?? 🙄
mixed|facebook|Bon dia! La meua iaia [[nm|Amparo Climent]] està ingressada a la 4a planta. Si algú la coneix i vol passar a vore-la, l'habitació és la 412. Qualsevol cosa, al [[ph|655 318 042]] ([[nm|Vicent]]).
es-ES|instagram|Ya llegó mi [[nm|Yeray]] 💙 nacido el [[dob|23/11/2026]] en el materno, 3,8 kg, ¡un cachorro! Gracias a las matronas, mis niñas. Sígueme en [[h|@naira_canaria]]
""")
