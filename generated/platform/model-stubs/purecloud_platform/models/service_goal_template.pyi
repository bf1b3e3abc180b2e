from .service import ServiceGoalTemplate as ServiceGoalTemplate
