"""Fictional patients, reviewers and staff."""
import random

FIRST_NAMES = ("Lucía", "Mateo", "Carmen", "Javier", "Elena", "Pablo", "Nuria", "Sergio", "Marta",
               "Álvaro", "Irene", "Raúl", "Ainhoa", "Iker", "Rocío", "Adrián", "Noelia", "Hugo",
               "Pilar", "Óscar", "Claudia", "Diego", "Lorena", "Tomás", "Sara", "Emma", "Liam")
SURNAMES = ("García", "Pérez", "Sanz", "Ortega", "Navarro", "Gil", "Romero", "Molina", "Castro",
            "Vidal", "Iglesias", "Cano", "Prieto", "Lozano", "Marín", "Herrero", "Peña", "Serrano")
ANONYMOUS_NAME = "A Google User"


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("ÁÉÍÓÚáéíóúÑñ", "AEIOUaeiouNn"))


def full_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def x_user(rng: random.Random) -> dict:
    """An X user with a random numeric id and a handle of at most 15 characters."""
    first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
    handle = rng.choice((f"{first}{last[:3]}", f"{first.lower()}_{last[0].lower()}{rng.randrange(100)}",
                         f"{last}{rng.randrange(1960, 2006)}", f"{first[0]}{last}_{rng.randrange(10)}"))
    name = rng.choice((f"{first} {last}", f"{first} {last[0]}.", first.lower()))
    return {"id": str(rng.randrange(10**9, 10**19)), "name": name, "username": _ascii(handle)[:15]}


def reviewer(rng: random.Random) -> dict:
    """A Google reviewer; one in ten is anonymous (no real name, no photo)."""
    if rng.random() < 0.1:
        return {"displayName": ANONYMOUS_NAME, "isAnonymous": True}
    photo = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(40))
    return {"displayName": full_name(rng), "profilePhotoUrl": f"https://lh3.googleusercontent.com/a/ACg8oc{photo}=s120-c-rp-mo-br100",
            "isAnonymous": False}
