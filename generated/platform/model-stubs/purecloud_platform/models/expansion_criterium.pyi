from .expansion import ExpansionCriterium as ExpansionCriterium
