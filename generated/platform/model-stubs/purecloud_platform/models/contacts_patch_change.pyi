from .contacts import ContactsPatchChange as ContactsPatchChange
