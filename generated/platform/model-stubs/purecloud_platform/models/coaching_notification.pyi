from .coaching import CoachingNotification as CoachingNotification
