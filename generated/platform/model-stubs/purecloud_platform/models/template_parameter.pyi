from .template import TemplateParameter as TemplateParameter
