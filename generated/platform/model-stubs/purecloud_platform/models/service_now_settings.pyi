from .service import ServiceNowSettings as ServiceNowSettings
