from .static import StaticListValuesAllOf as StaticListValuesAllOf
