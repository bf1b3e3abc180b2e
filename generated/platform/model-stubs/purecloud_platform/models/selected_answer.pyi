from .selected import SelectedAnswer as SelectedAnswer
