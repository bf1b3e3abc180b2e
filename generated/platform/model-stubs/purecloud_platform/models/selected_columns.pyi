from .selected import SelectedColumns as SelectedColumns
