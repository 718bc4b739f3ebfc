"""pt-BR and mixed, chunk 7 (hand-written)."""
import sys; from pathlib import Path; sys.path.insert(0, str(Path(__file__).resolve().parent))
from es_en_common import parse_block
MSGS = parse_block(r"""
pt-BR|x|@SaudeGov 8 meses esperando uma consulta com neuro pelo SUS. Meu filho tem 6 anos e tem crise toda semana.
pt-BR|facebook|Gente, preciso de ajuda! Minha mãe, [[nm|Maria das Graças Oliveira]], está internada e precisa de doadores de sangue tipo A+. Quem puder, procure o hemocentro e informe o nome dela. Contato: [[ph|(11) 98452-3107]] 🙏
pt-BR|google|Atendimento péssimo. Esperei 5 horas na emergência com meu pai de 78 anos. Senha 243. Nem água ofereceram.
pt-BR|instagram|Chegou nossa [[nm|Helena]] 💗 nascida em [[dob|18/11/2026]], 3,1 kg e 49 cm. Obrigada a toda equipe da maternidade! #BemVinda[[nm|Helena]]
pt-BR|facebook|Meu CPF é [[id|491.971.421-15]] e o cartão SUS [[mr|767103901497085]]. Fui no posto e disseram que meu cadastro não existe. Alguém sabe como resolver? — [[nm|Josenildo Ferreira]]
pt-BR|x|Paguei R$ 350 numa consulta particular e o médico nem olhou na minha cara. Nunca mais.
pt-BR|google|Meu nome é [[nm|Tatiane Moura]] e quero registrar que a cobrança no meu cartão [[cd|5190 6716 1876 0786]] foi feita duas vezes. Protocolo 2026112045, até agora nada.
pt-BR|facebook|Vaquinha para a cirurgia do [[nm|Enzo]]: PIX chave celular [[ph|+55 21 99731-4820]] ou conta [[ba|BR46 3718 7667 8838 8958 7403 294P 1]]. Titular: [[nm|Juliana Prado]]. Qualquer valor ajuda ❤️
pt-BR|x|CPF [[id|79666431319]] e mesmo assim o app diz 'usuário não encontrado' @SaudeGov
pt-BR|facebook|Minha avó, dona [[nm|Josefa Lima]], nascida em [[dob|2 de fevereiro de 1934]], completou 92 anos internada e recebeu um bolo das enfermeiras 🥹 Quem quiser mandar um cartão: [[ad|Rua das Palmeiras 215, apto 32, Recife - PE, 52050-000]].
pt-BR|google|Hospital limpo, enfermeiras atenciosas. Só a comida que deixa a desejar. Quarto 407.
pt-BR|instagram|30 dias de UTI e hoje meu pai saiu andando 🙏 Obrigado a cada profissional. Sigam a página dele: [[url|instagram.com/forcaseujoao]]
pt-BR|facebook|Preciso do prontuário do meu marido, [[nm|Roberto Tavares]], número [[mr|0048812-3]]. Meu e-mail é [[em|cristina.tavares@uol.com.br]] e meu passaporte [[pp|FN448213]], caso precisem para liberar, estou fora do país.
pt-BR|x|Alguém do hospital me liga? [[ph|11 97120-3366]] Tô tentando marcar retorno há 2 semanas @HospitalPortoAlegre
mixed|x|Bon dia @ClinicaMarBCN, la meva mare [[nm|Rosa Batlle]] tenía hora a les 10 i encara estem aquí a la sala 3. Això no és normal, una hora i mitja!!
mixed|facebook|Hola! Sóc la [[nm|Laia]], i need help: my English boyfriend had an accident in Girona i l'hospital li demana el NHS number per al reemborsament: [[mr|409 772 2522]]. Is that enough or do they need more?
mixed|x|Moi triste con @SergasGalicia, levo 4 meses agardando pola consulta de reumatoloxía. Catro meses!
mixed|facebook|I'm [[nm|Tom Hargreaves]], británico viviendo en Alicante. My NIE is [[id|X2166553E]] y en el centro de salud me dicen que no tengo derecho a tarjeta sanitaria. Anyone been through this? Móvil [[ph|+34 711 904 226]]
mixed|google|Great hospital, pero el parking es un desastre. 3,20€ la hora and no spaces. The nurses were lovely though, muy atentas.
mixed|instagram|Benvinguda [[nm|Ona]] 🌿 nascuda el [[dob|9/11/2026]] a les 7:20. Gràcies a totes les llevadores 💛 #mamaprimeriza
mixed|facebook|Olá, sou brasileira morando em Madrid. Me llamo [[nm|Fernanda Costa Ribeiro]], mi NIE es [[id|Y6822281N]]. No consigo pedir cita con el médico de familia, alguém sabe como funciona? Meu zap: [[ph|+55 31 98817-2054]]
mixed|x|Ola, son [[nm|Uxía Barreiro]], escribo pola miña avoa, que ten 89 anos. Le cancelaron la cita de traumatoloxía e ninguén nos chama. Teléfono [[ph|981 58 04 63]] 🙏
mixed|facebook|Para los amigos de UK: we're raising money for [[nm|Sophie]]'s treatment in Madrid. Transferencia / bank transfer: [[ba|GB24 HBUK 5402 9095 0081 92]] (titular [[nm|Mark Dempsey]]). Gracias / thank you 💜
mixed|x|Uff, 2 hores d'espera al CAP i m'han donat cita per al 12 de febrer. Visca la sanitat pública 🙃 #CAP #salut
""")
