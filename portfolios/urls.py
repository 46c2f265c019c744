"""URLs of portfolios; tests/portfolios/test_authorization.py holds an expectation for each."""

from django.urls import path

from portfolios import views

app_name = "portfolios"

urlpatterns = [
    path("", views.portfolio_list, name="portfolio_list"),
    path("<int:pk>/", views.portfolio_detail, name="portfolio_detail"),
    path("<int:pk>/edit/", views.portfolio_edit, name="portfolio_edit"),
    path("<int:pk>/add/", views.item_add, name="item_add"),
    path("<int:pk>/items/<int:item_pk>/", views.item_update, name="item_update"),
    path("<int:pk>/items/<int:item_pk>/move/", views.item_move, name="item_move"),
    path("<int:pk>/items/<int:item_pk>/remove/", views.item_remove, name="item_remove"),
    path("<int:pk>/statement/", views.statement_write, name="statement_write"),
]
